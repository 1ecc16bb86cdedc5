import { useEffect } from 'react';
import { Paper, Stack, Title } from '@mantine/core';
import { useLocation } from 'react-router';
import type { SessionInfo } from '../api/types';
import { PageTitle } from '../shell/PageTitle';
import { hasPermission } from '../shell/permissions';
import { CompanySettings } from './CompanySettings';
import { OwnPasswordForm } from './OwnPasswordForm';
import { OwnPinForm } from './OwnPinForm';
import { PaymentMethods } from './PaymentMethods';
import { Printers } from './Printers';
import { ThemeSwitch } from './ThemeSwitch';

function Section({ title, id, children }: { title: string; id?: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title} id={id}>
      <Title order={2} size="h3" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * Settings: the company and its payment methods (admin only), this
 * workstation's printers, the user's own password and PIN, and the theme.
 * /settings#printers scrolls to the printers.
 */
export function SettingsPage({ session }: { session: SessionInfo }) {
  const canCompany = hasPermission(session.permissions, 'settings.company');
  const { hash } = useLocation();
  useEffect(() => {
    if (hash.length > 1) document.getElementById(hash.slice(1))?.scrollIntoView?.({ block: 'start' });
  }, [hash]);
  return (
    <Stack maw={760}>
      <PageTitle focus={false}>Settings</PageTitle>
      {canCompany && (
        <Section title="Company">
          <CompanySettings autoFocus />
        </Section>
      )}
      {canCompany && (
        <Section title="Payment methods">
          <PaymentMethods />
        </Section>
      )}
      <Section title="Printers" id="printers">
        <Printers canEdit={canCompany} />
      </Section>
      <Section title="My password">
        <OwnPasswordForm autoFocus={!canCompany} />
      </Section>
      <Section title="My PIN">
        <OwnPinForm hasPin={session.user.hasPin} />
      </Section>
      <Section title="Appearance">
        <ThemeSwitch />
      </Section>
    </Stack>
  );
}
