import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/**
 * Mantine's PasswordInput marks an error only visually; this adds aria-invalid
 * so assistive technology (and the end-to-end tests) know the field is wrong.
 */
export function SecretInput(props: PasswordInputProps) {
  return <PasswordInput aria-invalid={props.error ? true : undefined} {...props} />;
}
