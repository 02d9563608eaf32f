// The Monaco editor's workers, as Vite bundles them (files of their own: no blob: URLs).
import 'graphiql/setup-workers/vite';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Explorer } from './Explorer.js';
import 'graphiql/style.css';
import './explorer.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Explorer />
  </StrictMode>,
);
