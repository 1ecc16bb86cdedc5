import { useState } from 'react';
import { Alert, Button, Container, Group, Paper, SegmentedControl, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { useCompleteSetup } from '../api/auth';
import type { ApiError } from '../api/errors';
import type { CompanyInput } from '../api/types';
import { CompanyFields } from '../settings/CompanyFields';
import { emptyCompany, validateCompany } from '../settings/companyForm';
import { digitsOnly } from './validation';
import { emptyAdmin, setupErrorTarget, validateAdmin, type AdminFormValues, type SetupStep } from './setupForm';
import { JoinServerForm } from './JoinServerForm';
import { SecretInput } from './SecretInput';

/**
 * First run: either a new business (the company, then the first admin account,
 * sent together with CompleteSetup) or joining an existing one through its
 * sync server.
 */
export function SetupWizard({ deviceName }: { deviceName: string }) {
  const [mode, setMode] = useState<'new' | 'join'>('new');
  const [step, setStep] = useState<SetupStep>(0);
  const [generalError, setGeneralError] = useState<ApiError | null>(null);
  const company = useForm<CompanyInput>({ initialValues: emptyCompany, validate: validateCompany });
  const admin = useForm<AdminFormValues>({ initialValues: emptyAdmin, validate: validateAdmin });
  const complete = useCompleteSetup();
  const navigate = useNavigate();

  const submit = (a: AdminFormValues) => {
    setGeneralError(null);
    const request = {
      company: company.values,
      admin: { name: a.name.trim(), fullName: a.fullName.trim(), password: a.password, pin: a.pin },
    };
    complete.mutate(request, {
      onSuccess: () => void navigate('/', { replace: true }),
      onError: (err) => {
        const target = setupErrorTarget(err.field);
        if (!target) return setGeneralError(err);
        if (target.step === 0) {
          setStep(0);
          company.setFieldError(target.path, err.message);
        } else {
          admin.setFieldError(target.path, err.message);
        }
      },
    });
  };

  return (
    <Container size="sm" py="xl">
      <Paper withBorder p="lg" component="main">
        <Stack>
          <div>
            <Title order={1}>Set up OMS</Title>
            <Text c="dimmed">
              {mode === 'new'
                ? `First start on this device${deviceName ? ` (${deviceName})` : ''}: enter your company and create the administrator account.`
                : `First start on this device${deviceName ? ` (${deviceName})` : ''}: join the business your other workstations belong to.`}
            </Text>
          </div>
          <SegmentedControl
            aria-label="How to start"
            value={mode}
            onChange={(v) => setMode(v as 'new' | 'join')}
            data={[
              { value: 'new', label: 'Set up a new business' },
              { value: 'join', label: 'Join an existing business' },
            ]}
          />
          {mode === 'join' && <JoinServerForm />}
          {mode === 'new' && generalError && (
            <Alert color="red" title="Setup failed" role="alert">
              {generalError.message}
            </Alert>
          )}
          {mode === 'new' && (
            <Stepper active={step} onStepClick={(s) => s < step && setStep(s as SetupStep)}>
              <Stepper.Step label="Company" description="Name, address, currency">
                <form onSubmit={company.onSubmit(() => setStep(1))} aria-label="Company">
                  <Stack mt="md">
                    <CompanyFields form={company} autoFocus />
                    <Group justify="flex-end">
                      <Button type="submit">Next</Button>
                    </Group>
                  </Stack>
                </form>
              </Stepper.Step>
              <Stepper.Step label="Administrator" description="The first user">
                <form onSubmit={admin.onSubmit(submit)} aria-label="Administrator account">
                  <Stack mt="md" gap="sm">
                    <TextInput label="User name" description="Used to sign in" withAsterisk autoFocus {...admin.getInputProps('name')} />
                    <TextInput label="Full name" withAsterisk {...admin.getInputProps('fullName')} />
                    <SecretInput label="Password" description="At least 8 characters" withAsterisk {...admin.getInputProps('password')} />
                    <SecretInput label="Confirm password" withAsterisk {...admin.getInputProps('confirm')} />
                    <SecretInput
                      label="PIN (optional)"
                      description="4 to 8 digits for quick sign-in"
                      inputMode="numeric"
                      autoComplete="off"
                      {...admin.getInputProps('pin')}
                      onChange={(e) => admin.setFieldValue('pin', digitsOnly(e.currentTarget.value))}
                    />
                    <Group justify="space-between">
                      <Button variant="default" onClick={() => setStep(0)}>
                        Back
                      </Button>
                      <Button type="submit" loading={complete.isPending}>
                        Complete setup
                      </Button>
                    </Group>
                  </Stack>
                </form>
              </Stepper.Step>
            </Stepper>
          )}
        </Stack>
      </Paper>
    </Container>
  );
}
