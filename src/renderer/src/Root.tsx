// The app under its providers: what main.tsx renders into #root.
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { App } from './App.tsx';
import { queryClient } from './data/queryClient.ts';

export function Root() {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>
  );
}
