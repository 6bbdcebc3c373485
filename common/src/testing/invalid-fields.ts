/** The fields a 400 answer names, sorted: what a test compares with the fields it spoiled. */
export function invalidFields(res: { body: { errors: { field?: string }[] } }): (string | undefined)[] {
  return res.body.errors.map((e) => e.field).sort();
}
