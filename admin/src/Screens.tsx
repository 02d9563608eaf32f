import { Suspense } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { ConceptList } from './ConceptList.js';
import { useWords } from './language.js';
import {
  CategoryList,
  CategoryScreen,
  ComparisonList,
  ComparisonView,
  ConceptScreen,
  ImportScreen,
  LessonEditor,
  LessonList,
  NewCategory,
  NewConcept,
  TranslationQueue,
} from './lazyScreens.js';
import { ScreenBoundary } from './ScreenBoundary.js';

/** Which screen each address under /admin/ shows. */
export function Screens() {
  const w = useWords();
  const [location] = useLocation();
  return (
    <ScreenBoundary
      key={location}
      failed={
        <div role="alert">
          <p>{w('screenFailed')}</p>
          <button type="button" onClick={() => window.location.reload()}>
            {w('reload')}
          </button>
        </div>
      }
    >
      <Suspense fallback={<p role="status">{w('loading')}</p>}>
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
      </Suspense>
    </ScreenBoundary>
  );
}
