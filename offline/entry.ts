/** How the offline CLIs run as scripts: exit with main's code; print anything it throws. */
export function runAsScript(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
