/** The file name inside an rjsf data URL ('data:application/pdf;name=Antrag%20A.pdf;base64,...'), or undefined. */
export function getDataUrlFileName(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('data:')) return undefined;
  const header = value.slice(5, value.indexOf(',') === -1 ? undefined : value.indexOf(','));
  const nameParameter = header.split(';').find((part) => part.startsWith('name='));
  if (!nameParameter) return undefined;
  try {
    return decodeURIComponent(nameParameter.slice(5));
  } catch {
    return nameParameter.slice(5);
  }
}
