// Renders the Markdown file named on the command line to HTML with markdown-it (CommonMark plus GFM tables).
// Raw HTML is enabled, as on GitHub, so anything the report failed to escape would come through as markup.
import { readFile } from 'node:fs/promises';
import MarkdownIt from 'markdown-it';

const markdown = await readFile(process.argv[2], 'utf8');
process.stdout.write(new MarkdownIt({ html: true, linkify: true }).render(markdown));
