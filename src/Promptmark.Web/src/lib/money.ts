const dollars = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const cents = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 6 });

/** "$12.50" for budgets and monthly totals. */
export const formatUsd = (value: number) => dollars.format(value);

/** A single call's cost keeps its small digits: "$0.000123", but "$0.00" for nothing. */
export const formatCallCost = (value: number) => (value === 0 ? dollars.format(0) : cents.format(value));
