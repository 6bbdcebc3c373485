/** A form's fields as typed, trimmed, by name ('' for one that was not sent). */
export const formText = (form: FormData) => (name: string) => String(form.get(name) ?? '').trim();

/** A form read for the API: the input to send, and the catalogue's sentence for each field that is wrong. */
export interface FormReading<Input> {
  input: Input;
  errors: Record<string, string>;
}
