/** Why a `gatehouse` command did nothing: a sentence for the person, and the exit status. */
export class CommandRefused extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message)
  }
}
