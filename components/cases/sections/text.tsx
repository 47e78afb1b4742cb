/** A free-text value as recorded (line breaks kept), or a quiet word when there is none. */
export function text(value: string | null | undefined, empty = 'Not recorded') {
  return value && value.trim() ? (
    <span className="whitespace-pre-line">{value}</span>
  ) : (
    <span className="secondary-text">{empty}</span>
  );
}
