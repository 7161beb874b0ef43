// The doctor's name as the decision sentence prints it. Every language's sentence already gives the title ("Dr
// {{doctor}}", "{{doctor}} 의사", "Врач {{doctor}}"), so a name typed with one ("Dr Seo", "Dr. Seo") would print it
// twice; only a leading Latin title is taken off, a name in any other form prints as typed.
export function doctorWithoutTitle(name: string): string {
  const bare = name.trim().replace(/^(?:dr\.?|doctor)\s+/iu, '');
  return bare === '' ? name.trim() : bare;
}
