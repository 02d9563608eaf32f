import { useEffect, useState } from 'react';
import { ApiError, request } from '../api.js';
import type { ConceptAsReadQuery } from '../gql/graphql.js';
import { errorWord, useLanguage, useWords } from '../language.js';
import { useSession } from '../session.js';
import { CONCEPT_AS_READ } from './publishingOperations.js';

type Read = ConceptAsReadQuery['concept'];
type Locale = 'KO' | 'EN';
const LOCALES: Locale[] = ['KO', 'EN'];

/**
 * What anonymous readers get for a concept, asked of the API without a token (so it is exactly
 * what they get); for a draft, which they cannot see, what they will get once it is published
 * (asked with the editor's token, in each locale, English falling back to Korean as for them).
 */
export function ReadersView(props: { slug: string; draft: boolean; missingEnglish: Set<string> }) {
  const { token } = useSession();
  const language = useLanguage();
  const w = useWords();
  const [reads, setReads] = useState<Record<Locale, Read> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const asker = props.draft ? token : null;
    Promise.all(
      LOCALES.map((locale) => request(asker, CONCEPT_AS_READ, { slug: props.slug, locale })),
    ).then(
      ([ko, en]) => setReads({ KO: ko!.concept, EN: en!.concept }),
      (error: unknown) => setFailure(error instanceof ApiError ? error.code : 'SERVER'),
    );
  }, [props.slug, props.draft, token]);

  return (
    <section aria-labelledby="readers-title" className="readers" data-testid="readers-view">
      <h3 id="readers-title">
        {props.draft ? w('publish.afterPublishing') : w('publish.readers')}
      </h3>
      {props.draft && <p>{w('publish.nothing')}</p>}
      {failure ? (
        <p role="alert" className="error">
          {errorWord(language, failure)}
        </p>
      ) : !reads ? (
        <p role="status">{w('loading')}</p>
      ) : (
        <div className="columns">
          {LOCALES.map((locale) => (
            <article key={locale} lang={locale.toLowerCase()} data-testid={`readers-${locale}`}>
              <h4>{w(locale === 'KO' ? 'korean' : 'english')}</h4>
              {reads[locale] ? (
                <dl>
                  {(['term', 'summary', 'definition'] as const).map((field) => (
                    <div key={field}>
                      <dt>
                        {w(field)}
                        {locale === 'EN' && props.missingEnglish.has(field) && (
                          <small> ({w('publish.fallback')})</small>
                        )}
                      </dt>
                      <dd>{reads[locale]![field]}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p>—</p>
              )}
            </article>
          ))}
        </div>
      )}
    </section>
  );
}
