import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider } from 'antd';
// antd's prebuilt component styles (CSS variables): with `zeroRuntime` below, antd does not generate and
// inject component CSS in the browser at the first render of every component type — about a quarter of
// the CPU time of the first roster page (docs/benchmarks.md, browser-roster). The theme of App (colours,
// component tokens) still applies: it is emitted as CSS variables at run time, as before.
import 'antd/dist/antd.css';
import './i18n';
import { App } from './App';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* inherited by App's ConfigProvider (theme.inherit): its tokens merge into this */}
    <ConfigProvider theme={{ zeroRuntime: true }}>
      <App />
    </ConfigProvider>
  </StrictMode>,
);
