import { useState } from 'react';
import { HashRouter } from 'react-router';
import { createQueryClient } from './api/queryClient';
import { AppProviders } from './AppProviders';
import { Gate } from './shell/Gate';

/** Hash routing: the desktop webview serves one index.html and has no server routes. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <AppProviders queryClient={queryClient}>
      <HashRouter>
        <Gate />
      </HashRouter>
    </AppProviders>
  );
}
