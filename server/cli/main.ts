export async function main(argv: string[]): Promise<number> {
  console.log('cli', argv);
  return 0;
}
