import { parseSnippet } from '../format/snippet';

export function Snippet({ text }: { text: string }) {
  return (
    <>
      {parseSnippet(text).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : part.text))}
    </>
  );
}
