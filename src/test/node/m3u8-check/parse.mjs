// Prints the entries (location, duration, title) a maintained M3U8 parser reads from the file named first.
import { Parser } from 'm3u8-parser';
import { readFileSync } from 'node:fs';
const parser = new Parser();
parser.push(readFileSync(process.argv[2], 'utf8'));
parser.end();
const segments = parser.manifest.segments;
console.log(JSON.stringify(segments.map((s) => ({ uri: s.uri, duration: s.duration, title: s.title }))));
