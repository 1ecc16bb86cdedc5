import { Button, SimpleGrid } from '@mantine/core';
import { PIN_MAX } from './validation';

interface Props {
  value: string;
  onChange: (pin: string) => void;
  disabled?: boolean;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * On-screen digits for touch and mouse. The PIN field keeps the keyboard focus
 * (typing and Enter work there), so the pad stays out of the Tab order and does
 * not take focus when pressed.
 */
export function PinPad({ value, onChange, disabled = false }: Props) {
  const press = (digit: string) => {
    if (value.length < PIN_MAX) onChange(value + digit);
  };
  const keep = (e: React.MouseEvent) => e.preventDefault();
  const key = (label: string, action: () => void, aria?: string) => (
    <Button
      key={label}
      variant="default"
      size="lg"
      tabIndex={-1}
      disabled={disabled}
      onMouseDown={keep}
      onClick={action}
      aria-label={aria}
    >
      {label}
    </Button>
  );

  return (
    <SimpleGrid cols={3} spacing="xs" role="group" aria-label="PIN pad">
      {KEYS.map((d) => key(d, () => press(d)))}
      {key('C', () => onChange(''), 'Clear PIN')}
      {key('0', () => press('0'))}
      {key('⌫', () => onChange(value.slice(0, -1)), 'Delete last digit')}
    </SimpleGrid>
  );
}
