// Rusplan's static searcher: answers the /api/search JSON contract in the browser from the
// static index under /search/, for hosts without Java. The index was derived from the Lucene
// index at build time (StaticIndexWriter): the lexicon maps every word of the site to its
// analysed terms (so no stemmer, compound splitter or synonym logic lives here), postings carry
// BM25 weights computed by Lucene, and the ranking settings come from the manifest. What this
// file adds is what the server does per query: typo tolerance for words the lexicon lacks,
// prefix matches, two typed words read as one compound, optional common words, facets and
// snippets. No dependencies; files are fetched only when a query needs them.

const BASE = '/search/';
const MAX_TERMS = 12;
const MAX_PREFIX_TERMS = 10;
const SNIPPET_LENGTH = 160;
const MAX_PHRASE = 6;

let manifestPromise = null;
const files = new Map();

function manifest() {
  manifestPromise ??= fetch(BASE + 'manifest.json', { cache: 'no-cache' }).then((response) => {
    if (!response.ok) {
      throw new Error(`No static search index (${response.status})`);
    }
    return response.json();
  });
  manifestPromise.catch(() => { manifestPromise = null; });
  return manifestPromise;
}

/** JSON from gzip bytes (or bytes a host already decompressed, having sent Content-Encoding). */
async function parseData(bytes) {
  const gzipped = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzipped
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
    : new TextDecoder().decode(bytes);
  return JSON.parse(text);
}

/** Fetches once per file (a failed fetch is tried again next time). */
function once(key, load) {
  if (!files.has(key)) {
    const promise = load();
    promise.catch(() => files.delete(key));
    files.set(key, promise);
  }
  return files.get(key);
}

async function fetchOk(file, init) {
  const response = await fetch(BASE + file, init);
  if (!response.ok) {
    throw new Error(`${file}: HTTP ${response.status}`);
  }
  return response;
}

/** A data file: gzip-compressed JSON. */
function data(file) {
  return once(file, async () => parseData(new Uint8Array(await (await fetchOk(file)).arrayBuffer())));
}

/**
 * One page's text for snippets: its [offset, length] in the texts file (one gzip member per
 * page), fetched alone with a Range request. A host that ignores Range answers with the whole
 * file (200): it is kept, and the other pages' texts are cut from it.
 */
function pageText(file, [offset, length]) {
  return once(`${file}@${offset}`, async () => {
    let bytes;
    if (files.has(file)) {
      bytes = (await files.get(file)).subarray(offset, offset + length);
    } else {
      const response = await fetchOk(file, { headers: { Range: `bytes=${offset}-${offset + length - 1}` } });
      const body = new Uint8Array(await response.arrayBuffer());
      if (response.status === 206) {
        bytes = body;
      } else {
        files.set(file, Promise.resolve(body));
        bytes = body.subarray(offset, offset + length);
      }
    }
    const [text] = await parseData(bytes);
    return text;
  });
}

/** FNV-1a over UTF-16 code units, as StaticIndexWriter.shardOf. */
export function shardOf(term, shards) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

export function lexiconKey(word) {
  return /\p{L}/u.test(word[0]) ? word[0] : '_';
}

/** Lower-cased words, split as Lucene's standard tokenizer does for ordinary text. */
export function words(text) {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu) ?? []).slice(0, MAX_TERMS);
}

/** Optimal string alignment distance (edits, transpositions count as one), or max + 1 when larger. */
function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) {
    return max + 1;
  }
  let previous2 = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (previous2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previous2[j - 2] + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) {
      return max + 1;
    }
    previous2 = previous;
    previous = row;
  }
  return previous[b.length];
}

function editsFor(length, settings) {
  return length >= settings.twoEditsFrom ? 2 : length >= settings.oneEditFrom ? 1 : 0;
}

function alternativesOf(entry) {
  return entry === undefined ? null : typeof entry === 'string' ? [[entry]] : entry;
}

function decode(encoded) {
  const postings = new Map();
  let doc = 0;
  for (let i = 0; i < encoded.length; i += 2) {
    doc += encoded[i];
    postings.set(doc, encoded[i + 1] / 100);
  }
  return postings;
}

/**
 * One typed word (or joined pair) as a unit: alternatives, each either terms that must all
 * match ({terms}) or units that must all match ({all}), with a weight. As on the server: a
 * word the lexicon lacks is matched with typos forgiven, any word of MIN_PREFIX letters also as
 * the beginning of longer words, and two words the lexicon knows joined also as that word.
 */
function units(content, lexicon, settings, phrases) {
  const lookup = (word) => alternativesOf(lexicon[lexiconKey(word)]?.[word]);
  const corrections = new Map();
  const wordUnit = (word) => {
    const shard = lexicon[lexiconKey(word)] ?? {};
    const known = lookup(word);
    const alternatives = (known ?? []).map((terms) => ({ terms, weight: 1 }));
    if (!known) {
      const edits = editsFor(word.length, settings);
      const candidates = edits === 0 ? [] : Object.keys(shard)
        .map((candidate) => ({ candidate, edits: distance(word, candidate, edits) }))
        .filter((c) => c.edits <= edits)
        .sort((a, b) => a.edits - b.edits || a.candidate.localeCompare(b.candidate))
        .slice(0, settings.maxFuzzyExpansions);
      for (const { candidate, edits: d } of candidates) {
        lookup(candidate).forEach((terms) => alternatives.push({ terms, weight: 1 - d / word.length }));
      }
      if (candidates.length > 0) {
        corrections.set(word, candidates[0].candidate);
      }
    }
    if (word.length >= settings.minPrefix) {
      const prefixTerms = new Set();
      for (const candidate of Object.keys(shard)) {
        if (candidate.length > word.length && candidate.startsWith(word)) {
          lookup(candidate).forEach((terms) => terms.length === 1 && prefixTerms.add(terms[0]));
          if (prefixTerms.size >= MAX_PREFIX_TERMS) {
            break;
          }
        }
      }
      prefixTerms.forEach((term) => alternatives.push({ terms: [term], weight: settings.prefixWeight }));
    }
    const single = known && known.length === 1 && known[0].length === 1 ? known[0][0] : null;
    return { alternatives, single };
  };
  const result = [];
  const termOf = (word) => { const known = lookup(word); return known && known[0].length === 1 ? known[0][0] : null; };
  const phraseAt = (i) => {
    for (let length = Math.min(MAX_PHRASE, content.length - i); length >= 2; length--) {
      const terms = content.slice(i, i + length).map(termOf);
      const alternatives = terms.every((t) => t) ? phrases[terms.join(' ')] : undefined;
      if (alternatives) {
        return { length, alternatives };
      }
    }
    return null;
  };
  for (let i = 0; i < content.length; i++) {
    const phrase = phraseAt(i);
    const joined = i + 1 < content.length ? lookup(content[i] + content[i + 1]) : null;
    if (phrase && !joined) {
      const alternatives = phrase.alternatives.map((terms) => ({ terms, weight: 1 }));
      alternatives.push({ all: content.slice(i, i + phrase.length).map(wordUnit), weight: 1 });
      result.push({ alternatives, single: null });
      i += phrase.length - 1;
    } else if (joined) {
      const alternatives = joined.map((terms) => ({ terms, weight: 1 }));
      alternatives.push({ all: [wordUnit(content[i]), wordUnit(content[i + 1])], weight: 1 });
      result.push({ alternatives, single: null });
      i++;
    } else {
      result.push(wordUnit(content[i]));
    }
  }
  return { units: result, corrections };
}

function termsOf(unit) {
  return unit.alternatives.flatMap((a) => a.terms ?? a.all.flatMap(termsOf));
}

async function postingsFor(terms, m) {
  const shards = m.postings.length;
  const byFile = new Map();
  for (const term of terms) {
    const file = m.postings[shardOf(term, shards)];
    if (!byFile.has(file)) {
      byFile.set(file, []);
    }
    byFile.get(file).push(term);
  }
  const postings = new Map();
  await Promise.all([...byFile].map(async ([file, wanted]) => {
    const shard = await data(file);
    wanted.forEach((term) => postings.set(term, shard[term] ? decode(shard[term]) : new Map()));
  }));
  return postings;
}

/** A unit's score per page: the best of its alternatives, each the sum of its parts where all match. */
function unitScores(unit, postings) {
  const scores = new Map();
  for (const { terms, all, weight } of unit.alternatives) {
    const lists = terms ? terms.map((term) => postings.get(term) ?? new Map()) : all.map((u) => unitScores(u, postings));
    const [shortest, ...others] = [...lists].sort((a, b) => a.size - b.size);
    for (const [doc] of shortest) {
      if (others.every((list) => list.has(doc))) {
        const score = weight * lists.reduce((sum, list) => sum + list.get(doc), 0);
        if (score > (scores.get(doc) ?? 0)) {
          scores.set(doc, score);
        }
      }
    }
  }
  return scores;
}

function mustMatch(count) {
  return count <= 2 ? count : count - Math.max(1, Math.floor(count / 4));
}

function score(units, required, mustCount) {
  const total = new Map();
  const matched = new Map();
  units.forEach((unit) => {
    for (const [doc, value] of unit.scores) {
      total.set(doc, (total.get(doc) ?? 0) + value);
      if (required.includes(unit)) {
        matched.set(doc, (matched.get(doc) ?? 0) + 1);
      }
    }
  });
  const result = new Map();
  for (const [doc, value] of total) {
    if ((matched.get(doc) ?? 0) >= mustCount) {
      result.set(doc, value);
    }
  }
  return result;
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** About SNIPPET_LENGTH characters of text around the first match, escaped, matches in <mark>. */
export function snippet(text, stems) {
  const pattern = /[\p{L}\p{N}]+/gu;
  const matches = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const word = m[0].toLowerCase();
    if (stems.some((stem) => word.startsWith(stem))) {
      matches.push([m.index, m.index + m[0].length]);
    }
  }
  let start = 0;
  if (matches.length > 0) {
    start = Math.max(0, matches[0][0] - SNIPPET_LENGTH / 3);
    const space = text.lastIndexOf(' ', start);
    start = start === 0 || space < 0 ? start : space + 1;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  const space = text.indexOf(' ', end);
  end = end === text.length || space < 0 ? end : space;
  let html = '';
  let at = start;
  for (const [from, to] of matches) {
    if (from < start || to > end) {
      continue;
    }
    html += escapeHtml(text.slice(at, from)) + '<mark>' + escapeHtml(text.slice(from, to)) + '</mark>';
    at = to;
  }
  html += escapeHtml(text.slice(at, end));
  return (start > 0 ? '… ' : '') + html + (end < text.length ? ' …' : '');
}

function facet(counts, labels) {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, count]) => ({ value, label: labels?.[value] ?? value, count }));
}

/**
 * Searches the static index; resolves to the /api/search JSON contract:
 * {query, total, limit, offset, hits:[{title, url, type, snippet, municipalities, sections}],
 *  facets:{type, municipality, audience}, suggestion, partial}.
 */
export async function search(query, { type = '', municipality = '', limit = 10, offset = 0 } = {}) {
  const m = await manifest();
  const settings = m.settings;
  const stop = new Set(m.stopWords);
  const typed = words(query);
  const content = typed.filter((word) => !stop.has(word));
  const empty = { query, total: 0, limit, offset, hits: [], facets: {}, suggestion: '', partial: false };
  if (typed.length === 0) {
    return empty;
  }
  const docs = await data(m.docs);
  const lexicon = {};
  await Promise.all([...new Set(content.map(lexiconKey))].map(async (key) => {
    lexicon[key] = m.lexicon[key] ? await data(m.lexicon[key]) : {};
  }));
  const { units: all, corrections } = units(content, lexicon, settings, m.phrases ?? {});
  const postings = await postingsFor(new Set(all.flatMap(termsOf)), m);
  all.forEach((unit) => { unit.scores = unitScores(unit, postings); });
  all.forEach((unit) => {
    unit.common = unit.single !== null && (postings.get(unit.single)?.size ?? 0) > settings.commonShare * m.pages;
  });
  let required = all.filter((unit) => !unit.common);
  if (required.length === 0) {
    required = all;
  }
  let scores = score(all, required, mustMatch(required.length));
  let partial = false;
  if (scores.size === 0 && required.length >= 2) {
    scores = score(all, required, Math.ceil(required.length / 2));
    partial = true;
  }
  // Titles with the typed words in a row weigh more; a query of stop words only ("Av og til")
  // is matched on titles alone, as on the server.
  const phrase = ` ${typed.join(' ')} `;
  docs.forEach((doc, i) => {
    if (` ${words(doc[0]).join(' ')} `.includes(phrase) && (scores.has(i) || all.length === 0)) {
      scores.set(i, (scores.get(i) ?? 1) * (1 + settings.exactTitleBoost));
    }
  });

  const typeCounts = new Map();
  const municipalityCounts = new Map();
  const audienceCounts = new Map();
  const shown = [];
  for (const [doc, value] of scores) {
    const [, , docType, municipalities, , audiences] = docs[doc];
    const typeOk = !type || docType === type;
    const municipalityOk = !municipality || municipalities.includes(municipality);
    if (municipalityOk) {
      typeCounts.set(docType, (typeCounts.get(docType) ?? 0) + 1);
    }
    if (typeOk) {
      municipalities.forEach((id) => municipalityCounts.set(id, (municipalityCounts.get(id) ?? 0) + 1));
    }
    if (typeOk && municipalityOk) {
      audiences.forEach((id) => audienceCounts.set(id, (audienceCounts.get(id) ?? 0) + 1));
      shown.push([doc, value]);
    }
  }
  shown.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const stems = [...new Set(all.flatMap(termsOf))].filter((t) => t.length >= 3);
  stems.push(...content.filter((w) => w.length >= 3));
  const page = shown.slice(offset, offset + limit);
  const hits = await Promise.all(page.map(async ([doc]) => {
    const [docTitle, url, docType, , names, , textRange] = docs[doc];
    const text = await pageText(m.texts, textRange);
    return { title: docTitle, url, type: docType, snippet: snippet(text, stems), municipalities: names, sections: [] };
  }));
  const suggestion = corrections.size === 0 ? ''
    : typed.map((word) => corrections.get(word) ?? word).join(' ');
  return {
    query, total: shown.length, limit, offset, hits,
    facets: {
      type: facet(typeCounts, m.labels.type),
      municipality: facet(municipalityCounts, m.labels.municipality),
      audience: facet(audienceCounts, m.labels.audience),
    },
    suggestion, partial,
  };
}
