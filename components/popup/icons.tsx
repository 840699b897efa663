// The few glyphs the popup uses, inline so they inherit colour and cost no request.
const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': 2,
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
} as const;

export const CopyIcon = () => (
  <svg {...common} aria-hidden="true" focusable="false">
    <rect x="9" y="9" width="12" height="12" rx="2" />
    <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
  </svg>
);

export const CheckIcon = () => (
  <svg {...common} aria-hidden="true" focusable="false">
    <path d="M20 6 9 17l-5-5" />
  </svg>
);

export const PopOutIcon = () => (
  <svg {...common} aria-hidden="true" focusable="false">
    <path d="M14 4h6v6" />
    <path d="M20 4 11 13" />
    <path d="M19 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1h5" />
  </svg>
);

export const RescanIcon = () => (
  <svg {...common} aria-hidden="true" focusable="false">
    <path d="M21 12a9 9 0 1 1-2.64-6.36" />
    <path d="M21 4v5h-5" />
  </svg>
);

export const AlertIcon = () => (
  <svg {...common} aria-hidden="true" focusable="false">
    <path d="M12 3 2 20h20L12 3z" />
    <path d="M12 10v4" />
    <path d="M12 17.5v.01" />
  </svg>
);

export const ScoutMark = () => (
  <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <rect width="24" height="24" rx="6" fill="#1d4ed8" />
    <circle cx="10.5" cy="10.5" r="4.5" fill="none" stroke="#fff" stroke-width="2.2" />
    <path d="m14 14 4.5 4.5" stroke="#fff" stroke-width="2.2" stroke-linecap="round" />
  </svg>
);

export const CartIcon = () => (
  <svg {...common} aria-hidden="true" focusable="false">
    <circle cx="9" cy="20" r="1.3" />
    <circle cx="18" cy="20" r="1.3" />
    <path d="M2.5 3h3l2.4 11.2a1.5 1.5 0 0 0 1.5 1.2h8.4a1.5 1.5 0 0 0 1.5-1.1L21 7H6.2" />
  </svg>
);

export const SearchIcon = () => (
  <svg {...common} aria-hidden="true" focusable="false">
    <circle cx="11" cy="11" r="6.5" />
    <path d="m20 20-4.2-4.2" />
  </svg>
);
