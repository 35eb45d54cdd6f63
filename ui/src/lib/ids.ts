// Element ids made from the owner's words (category names may hold spaces,
// quotes or accents): only ASCII letters and digits survive, the rest become
// '-', so the id works in a CSS selector and in end-to-end tests.
export const idPart = (name: string) => name.replace(/[^A-Za-z0-9]/g, '-');
