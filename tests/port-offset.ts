/** Shifts every test stack's ports (TEST_PORT_OFFSET), so that two checkouts can run their tests side by side. */
export const TEST_PORT_OFFSET = Number(process.env.TEST_PORT_OFFSET ?? 0);
