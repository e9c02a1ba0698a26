/** Numbers and counted nouns in messages. */

/** `1,234`. (Not toLocaleString: loading ICU locale data costs ~8 ms per process.) */
export const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `1 paper`, `1,234 papers`. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${grouped(n)} ${n === 1 ? one : many}`;
