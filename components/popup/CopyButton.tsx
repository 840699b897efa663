import { useEffect, useState } from 'preact/hooks';
import { CheckIcon, CopyIcon } from './icons';

interface Props {
  value: string;
  /** What the value is, for the accessible name: "deployment ID". */
  label: string;
  announce: (message: string) => void;
}

const SHOW_COPIED_MS = 1500;

export function CopyButton({ value, label, announce }: Props) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), SHOW_COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      announce(`Copied ${value}`);
    } catch {
      announce(`Could not copy ${value}. Select it and copy by hand.`);
    }
  }

  return (
    <button
      type="button"
      class={copied ? 'copy copied' : 'copy'}
      aria-label={`Copy ${label} ${value}`}
      onClick={copy}
    >
      {copied ? <CheckIcon /> : <CopyIcon />}
      <span aria-hidden="true">{copied ? 'Copied' : 'Copy'}</span>
    </button>
  );
}
