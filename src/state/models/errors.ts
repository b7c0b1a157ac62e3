// One way to say what went wrong with a file: "file: message" (the message
// already names the line and column where they are known).
import type { SurveyError } from '../../core/result';

export function describeError(error: SurveyError): string {
  const file = error.file;
  return file && !error.message.includes(file) ? `${file}: ${error.message}` : error.message;
}
