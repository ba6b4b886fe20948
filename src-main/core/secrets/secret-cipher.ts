/**
 * Turns one secret into printable sealed text and back. `name` is the entry the secret is saved
 * under: a cipher that can authenticate extra data binds the two, so sealed values cannot be swapped
 * between entries. `open` throws a `SecretStoreError` when the text cannot be opened.
 */
export interface SecretCipher {
  seal(name: string, value: string): string;
  open(name: string, sealed: string): string;
}
