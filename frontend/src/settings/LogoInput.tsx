import { useState } from 'react';
import { Button, FileInput, Group, Image, Stack, Text } from '@mantine/core';
import { logoFileError } from './companyForm';

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

interface Props {
  value: string;
  onChange: (dataUrl: string) => void;
  error?: React.ReactNode;
}

/** Picks a PNG or JPEG logo, keeps it as a data URL and shows a preview. */
export function LogoInput({ value, onChange, error }: Props) {
  const [localError, setLocalError] = useState<string | null>(null);

  const pick = async (file: File | null) => {
    setLocalError(null);
    if (!file) return;
    const problem = logoFileError(file);
    if (problem) {
      setLocalError(problem);
      return;
    }
    try {
      onChange(await readAsDataUrl(file));
    } catch (e) {
      setLocalError(e instanceof Error ? e.message : 'The file could not be read.');
    }
  };

  return (
    <Stack gap="xs">
      <FileInput
        label="Logo"
        description="PNG or JPEG, at most 512 KiB"
        placeholder="Choose an image"
        accept="image/png,image/jpeg"
        value={null}
        onChange={(f) => void pick(f)}
        error={localError ?? error}
      />
      {value !== '' && (
        <Group align="center">
          <Image src={value} alt="Logo preview" h={64} w="auto" fit="contain" />
          <Button variant="subtle" color="red" size="xs" onClick={() => onChange('')}>
            Remove logo
          </Button>
        </Group>
      )}
      {value === '' && (
        <Text size="xs" c="dimmed">
          No logo chosen.
        </Text>
      )}
    </Stack>
  );
}
