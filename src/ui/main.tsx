import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// The stylesheet, by concept; the order is the cascade's.
import './styles/base.css';
import './styles/tables.css';
import './styles/phone.css';
import './styles/analyst.css';
import './styles/tabbook.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
