import type { ApiError } from '../api.js';
import { errorWord, useLanguage } from '../language.js';

// Codes whose own console message says more than the API's (a network failure, a 5xx).
const GENERIC = new Set(['NETWORK', 'SERVER', 'UNAUTHENTICATED']);

/**
 * An API refusal, never blank: what was refused, then the API's reasons (each issue with its
 * path), or the console's message for a failure that is not a refusal.
 */
export function Refusal(props: { lead: string; error: ApiError }) {
  const language = useLanguage();
  const { error } = props;
  const reasons = GENERIC.has(error.code)
    ? [errorWord(language, error.code)]
    : [
        error.message,
        ...error.issues.map((issue) =>
          issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
        ),
      ];
  return (
    <div role="alert" className="refusal">
      <p className="error">{props.lead}</p>
      <ul>
        {reasons.map((reason, index) => (
          <li key={index}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}
