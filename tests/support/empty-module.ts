// Stands in for the `server-only` marker package under Vitest (it throws outside React Server
// Components on purpose); tests import server modules directly.
export {};
