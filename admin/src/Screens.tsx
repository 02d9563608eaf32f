import { Route, Switch } from 'wouter';
import { ConceptList } from './ConceptList.js';
import { ConceptScreen } from './ConceptScreen.js';
import { useWords } from './language.js';
import { NewConcept } from './NewConcept.js';
import { TranslationQueue } from './translations/TranslationQueue.js';

/** Which screen each address under /admin/ shows. */
export function Screens() {
  const w = useWords();
  return (
    <Switch>
      <Route path="/" component={ConceptList} />
      <Route path="/concepts/new" component={NewConcept} />
      <Route path="/concepts/:slug" nest>
        {(params) => <ConceptScreen key={params.slug} slug={params.slug} />}
      </Route>
      <Route path="/translations" component={TranslationQueue} />
      <Route>
        <p role="alert">{w('notFound')}</p>
      </Route>
    </Switch>
  );
}
