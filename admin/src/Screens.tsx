import { Route, Switch } from 'wouter';
import { ConceptList } from './ConceptList.js';
import { ConceptScreen } from './ConceptScreen.js';
import { ImportScreen } from './import/ImportScreen.js';
import { useWords } from './language.js';
import { NewConcept } from './NewConcept.js';

/** Which screen each address under /admin/ shows. */
export function Screens() {
  const w = useWords();
  return (
    <Switch>
      <Route path="/" component={ConceptList} />
      <Route path="/concepts/new" component={NewConcept} />
      <Route path="/import" component={ImportScreen} />
      <Route path="/concepts/:slug" nest>
        {(params) => <ConceptScreen key={params.slug} slug={params.slug} />}
      </Route>
      <Route>
        <p role="alert">{w('notFound')}</p>
      </Route>
    </Switch>
  );
}
