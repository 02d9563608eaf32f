/** The problems found at one control, referenced by its `aria-describedby` through `id`. */
export function Problems(props: { id: string; messages: string[] }) {
  if (props.messages.length === 0) return null;
  return (
    <p id={props.id} className="error">
      {props.messages.join(' · ')}
    </p>
  );
}
