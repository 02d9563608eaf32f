// A new app's first program with the installed @llm-course/client (what
// tests/client/installedPackage.test.ts compiles with tsc and runs): it renders a lesson from
// typed data, asks for it again (a 304 revalidation behind the scenes) and prints what it saw.
import { createClient, LessonDocument } from '@llm-course/client';
import { slugSchema } from '@llm-course/client/schemas';

const statuses: number[] = [];
const client = createClient({
  url: process.env.API_URL!,
  locale: 'en',
  // Only to show the statuses the client got; an app leaves `fetch` out.
  fetch: async (input, init) => {
    const response = await fetch(input, init);
    statuses.push(response.status);
    return response;
  },
});

const slug = slugSchema.parse(process.env.LESSON);
const { lesson } = await client.graphql(LessonDocument, { slug });
if (!lesson) throw new Error(`no lesson ${slug}`);
const page = [`# ${lesson.title}`, ...lesson.sections.map((section) => `## ${section.title}`)];
const again = await client.graphql(LessonDocument, { slug });
console.log(JSON.stringify({ page, same: again.lesson?.title === lesson.title, statuses }));

/** Never run: tsc must refuse it, or the data was not typed. */
export async function typedData(): Promise<number> {
  const { lesson: typed } = await client.graphql(LessonDocument, { slug });
  // @ts-expect-error: a lesson's title is a string
  const title: number = typed!.title;
  // @ts-expect-error: LessonDocument takes a slug
  await client.graphql(LessonDocument, { id: 'x' });
  return title;
}
