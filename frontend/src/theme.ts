import { createTheme } from '@mantine/core';

/** One theme for light and dark; Mantine's defaults already meet contrast needs in both. */
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});
