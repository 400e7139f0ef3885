// Subscripts in figure text: "E_g", "E_F", "E_{g,opt}" → E with a lowered, smaller g / F / g,opt.
import type { ReactNode } from 'react';

export function rich(text: string): ReactNode {
  const parts = text.split(/_(\{[^}]+\}|[A-Za-z0-9]+)/);
  if (parts.length === 1) return text;
  return parts.map((part, i) =>
    i % 2 === 0 ? (
      part
    ) : (
      <tspan key={i} baselineShift="sub" fontSize="75%">
        {part.replace(/^\{|\}$/g, '')}
      </tspan>
    ),
  );
}
