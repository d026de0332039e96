// Parses the JUnit XML file named on the command line with junit2json and prints what it understood as JSON.
import { readFile } from 'node:fs/promises';
import { parse } from 'junit2json';

const xml = await readFile(process.argv[2], 'utf8');
const parsed = await parse(xml);
process.stdout.write(JSON.stringify(parsed));
