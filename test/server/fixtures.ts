/** Documents more than one LSP suite opens. */

/** A Dutch sales–marketing SLA that names one concept two ways ("opportunity" and "kans"). */
export const NL_SLA = [
  '# SLA tussen sales en marketing',
  '',
  'Elke MQL moet binnen twee werkdagen worden opgevolgd.',
  'Elke opportunity krijgt een eigenaar. Een kans zonder eigenaar gaat terug naar marketing.',
  '',
].join('\n');
