import { Route, Switch } from 'wouter';
import { ConceptList } from './ConceptList.js';
import { ConceptScreen } from './ConceptScreen.js';
import { ImportScreen } from './import/ImportScreen.js';
import { useWords } from './language.js';
import { LessonEditor } from './lessons/LessonEditor.js';
import { LessonList } from './lessons/LessonList.js';
import { NewConcept } from './NewConcept.js';
import { TranslationQueue } from './translations/TranslationQueue.js';
import { CategoryList } from './catalog/CategoryList.js';
import { CategoryScreen } from './catalog/CategoryScreen.js';
import { ComparisonList } from './catalog/ComparisonList.js';
import { ComparisonView } from './catalog/ComparisonView.js';
import { NewCategory } from './catalog/NewCategory.js';

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
      <Route path="/lessons" component={LessonList} />
      <Route path="/lessons/:slug">
        {(params) => <LessonEditor key={params.slug} slug={params.slug} />}
      </Route>
      <Route path="/translations" component={TranslationQueue} />
      <Route path="/categories" component={CategoryList} />
      <Route path="/categories/new" component={NewCategory} />
      <Route path="/categories/:slug">
        {(params) => <CategoryScreen key={params.slug} slug={params.slug} />}
      </Route>
      <Route path="/comparisons" component={ComparisonList} />
      <Route path="/comparisons/:slug">
        {(params) => <ComparisonView key={params.slug} slug={params.slug} />}
      </Route>
      <Route>
        <p role="alert">{w('notFound')}</p>
      </Route>
    </Switch>
  );
}
