// Merges name mentions into canonical entities: surname-only mentions join the full name
// in the same story, spelling variants join across stories, "also known as" links join
// aliases, and abbreviations join their full names. Produces the people / organizations /
// places lists and, per sentence, which entities it mentions.
import { foldName, foldNameToken, measureEditDistance, slugifyName } from "./canonical-names";
import type { EntityMention } from "./entity-mentions";
import type { PreparedStory } from "../text/prepared-stories";
import type { Entity, EntityKind } from "../types";

export interface EntityIndex {
  entities: Entity[];
  /** Entity ids mentioned per sentence, keyed `${storyId}#${sentenceIndex}`. */
  bySentence: Map<string, ResolvedMention[]>;
  byId: Map<string, Entity>;
}

export interface ResolvedMention {
  entityId: string;
  kind: EntityKind;
  start: number;
  end: number;
}

// Honorifics are forms of address, not roles ("Mr.", "Sir" in "Prime Minister Sir Keir Starmer").
const HONORIFICS = /(?:^|\s+)(?:mr|mrs|ms|mx|dr|sir|dame|lord|lady|prof)\.?$/i;
const ALIAS_LINK =
  /^,?\s*(?:also |better |formerly |previously |widely )?(?:known|referred to|called|named) as\s*$/u;

class UnionFind {
  private parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    let node = x;
    while (node !== root) {
      const next = this.parent[node] ?? root;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The smaller index stays root so results do not depend on union order.
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }
}

interface Group {
  node: number;
  kind: EntityKind;
  /** Folded tokens of the fullest form. */
  keys: string[];
  storyId: string;
  mentions: EntityMention[];
}

export function buildEntityIndex(
  stories: readonly PreparedStory[],
  rawMentions: readonly EntityMention[],
): EntityIndex {
  const mentions = settleKinds(rawMentions);
  const uf = new UnionFind();
  const groups: Group[] = [];
  const groupOfMention = new Map<EntityMention, Group>();

  // 1. Within a story: exact names, then partial names joined to the fullest matching name.
  const byStory = new Map<string, EntityMention[]>();
  for (const m of mentions) {
    const list = byStory.get(m.storyId);
    if (list) list.push(m);
    else byStory.set(m.storyId, [m]);
  }
  for (const story of stories) {
    const list = byStory.get(story.id) ?? [];
    const exact = new Map<string, Group>();
    const ordered = [...list].sort((a, b) => b.tokens.length - a.tokens.length || a.start - b.start);
    for (const m of ordered) {
      const key = `${m.kind}|${getMentionKey(m)}`;
      let group = exact.get(key);
      if (!group && m.kind === "person") group = findContainingPerson(exact, m);
      if (!group) {
        group = {
          node: uf.add(),
          kind: m.kind ?? "organization",
          keys: m.tokens.map(foldNameToken),
          storyId: story.id,
          mentions: [],
        };
        groups.push(group);
        exact.set(key, group);
      }
      group.mentions.push(m);
      groupOfMention.set(m, group);
    }
    linkAliases(list, groupOfMention, uf);
  }

  // 2. Across stories.
  joinAcrossStories(groups, uf);

  // 3. Build entities from union-find roots.
  const members = new Map<number, Group[]>();
  for (const g of groups) {
    const root = uf.find(g.node);
    const list = members.get(root);
    if (list) list.push(g);
    else members.set(root, [g]);
  }
  const storyOrder = new Map(stories.map((s, i) => [s.id, i]));
  const entities: Entity[] = [];
  const usedIds = new Set<string>();
  const entityOfGroup = new Map<Group, Entity>();
  const roots = [...members.keys()].sort((a, b) => a - b);
  for (const root of roots) {
    const cluster = members.get(root) ?? [];
    const all = cluster.flatMap((g) => g.mentions);
    const kind = voteKind(cluster);
    const name = chooseCanonicalName(all);
    let id = `${kind === "organization" ? "org" : kind}:${slugifyName(name)}`;
    for (let n = 2; usedIds.has(id); n++)
      id = `${kind === "organization" ? "org" : kind}:${slugifyName(name)}-${n}`;
    usedIds.add(id);
    const counts = new Map<string, number>();
    for (const m of all) counts.set(m.storyId, (counts.get(m.storyId) ?? 0) + 1);
    const storiesList = [...counts.entries()]
      .sort((a, b) => (storyOrder.get(a[0]) ?? 0) - (storyOrder.get(b[0]) ?? 0))
      .map(([storyId, count]) => ({ storyId, count }));
    const entity: Entity = {
      id,
      kind,
      name,
      aliases: collectAliases(all, name),
      roles: collectRoles(all),
      mentions: all.length,
      stories: storiesList,
      storyIds: storiesList.map((s) => s.storyId),
    };
    entities.push(entity);
    for (const g of cluster) entityOfGroup.set(g, entity);
  }

  const bySentence = new Map<string, ResolvedMention[]>();
  for (const m of mentions) {
    const group = groupOfMention.get(m);
    const entity = group ? entityOfGroup.get(group) : undefined;
    if (!entity) continue;
    const key = `${m.storyId}#${m.sentenceIndex}`;
    const list = bySentence.get(key) ?? [];
    list.push({ entityId: entity.id, kind: entity.kind, start: m.start, end: m.end });
    bySentence.set(key, list);
  }
  return { entities, bySentence, byId: new Map(entities.map((e) => [e.id, e])) };
}

/** Orders entities for output: most mentioned first, then by number of stories, then by name. */
export function rankEntities(entities: readonly Entity[], kind: EntityKind, limit: number): Entity[] {
  return entities
    .filter((e) => e.kind === kind)
    .sort(
      (a, b) =>
        b.mentions - a.mentions ||
        b.storyIds.length - a.storyIds.length ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    )
    .slice(0, limit);
}

function getMentionKey(m: EntityMention): string {
  if (m.knownName !== null) return m.knownName.toLowerCase();
  return foldName(m.tokens);
}

// A name seen mostly as a person is a person everywhere (and so on for other kinds), so one
// odd tag does not split an entity in two.
function settleKinds(mentions: readonly EntityMention[]): EntityMention[] {
  const votes = new Map<string, Map<EntityKind, number>>();
  for (const m of mentions) {
    if (m.kind === null) continue;
    const key = getMentionKey(m);
    const v = votes.get(key) ?? new Map<EntityKind, number>();
    v.set(m.kind, (v.get(m.kind) ?? 0) + (m.strong ? 3 : 1));
    votes.set(key, v);
  }
  return mentions.map((m) => {
    const v = votes.get(getMentionKey(m));
    if (!v) return m;
    let best: EntityKind | null = m.kind;
    let bestVotes = -1;
    for (const kind of ["person", "organization", "place"] as const) {
      const n = v.get(kind) ?? 0;
      if (n > bestVotes) {
        best = kind;
        bestVotes = n;
      }
    }
    return { ...m, kind: best };
  });
}

function findContainingPerson(exact: Map<string, Group>, m: EntityMention): Group | undefined {
  const keys = m.tokens.map(foldNameToken);
  let best: Group | undefined;
  for (const g of exact.values()) {
    if (g.kind !== "person" || g.keys.length <= keys.length) continue;
    if (!keys.every((k) => g.keys.includes(k))) continue;
    if (!best || g.mentions.length > best.mentions.length) best = g;
  }
  return best;
}

function linkAliases(
  list: readonly EntityMention[],
  groupOf: Map<EntityMention, Group>,
  uf: UnionFind,
): void {
  const bySentence = new Map<number, EntityMention[]>();
  for (const m of list) {
    const arr = bySentence.get(m.sentenceIndex) ?? [];
    arr.push(m);
    bySentence.set(m.sentenceIndex, arr);
  }
  for (const arr of bySentence.values()) {
    arr.sort((a, b) => a.start - b.start);
    for (let i = 0; i + 1 < arr.length; i++) {
      const a = arr[i];
      const b = arr[i + 1];
      if (!a || !b || a.kind !== b.kind || a.between === null) continue;
      if (!ALIAS_LINK.test(a.between)) continue;
      const ga = groupOf.get(a);
      const gb = groupOf.get(b);
      if (ga && gb) uf.union(ga.node, gb.node);
    }
  }
}

function joinAcrossStories(groups: readonly Group[], uf: UnionFind): void {
  const people = groups.filter((g) => g.kind === "person");
  const full = people.filter((g) => g.keys.length >= 2);
  const bySurname = new Map<string, Group[]>();
  for (const g of full) {
    const surname = g.keys[g.keys.length - 1] ?? "";
    const list = bySurname.get(surname) ?? [];
    list.push(g);
    bySurname.set(surname, list);
  }
  for (const list of bySurname.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (a && b && areFirstNamesCompatible(a.keys[0] ?? "", b.keys[0] ?? "")) uf.union(a.node, b.node);
      }
    }
  }
  // Surname spelled differently but same first name: "Volodymyr Zelenskyj" / "Volodymyr Zelenskyy".
  const byFirst = new Map<string, Group[]>();
  for (const g of full) {
    const list = byFirst.get(g.keys[0] ?? "") ?? [];
    list.push(g);
    byFirst.set(g.keys[0] ?? "", list);
  }
  for (const list of byFirst.values()) {
    if (list.length > 50) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]?.keys.at(-1) ?? "";
        const b = list[j]?.keys.at(-1) ?? "";
        const ga = list[i];
        const gb = list[j];
        if (ga && gb && a.length >= 6 && b.length >= 6 && measureEditDistance(a, b, 1) <= 1)
          uf.union(ga.node, gb.node);
      }
    }
  }
  // Partial names ("Putin" in a story that never says "Vladimir Putin") join the person whose
  // full name contains them, when that person is unambiguous (or clearly the most mentioned).
  const byToken = new Map<string, Group[]>();
  for (const g of full) {
    for (const k of g.keys) {
      const list = byToken.get(k) ?? [];
      list.push(g);
      byToken.set(k, list);
    }
  }
  for (const g of people) {
    if (g.keys.length >= 2) continue;
    const candidates = byToken.get(g.keys[0] ?? "") ?? [];
    const roots = new Map<number, number>();
    for (const c of candidates)
      roots.set(uf.find(c.node), (roots.get(uf.find(c.node)) ?? 0) + c.mentions.length);
    const ranked = [...roots.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const top = ranked[0];
    const second = ranked[1];
    if (top && (!second || top[1] >= 2 * second[1])) uf.union(top[0], g.node);
  }
  // A one-word name the text gives only that way ("Eriksen") is one person across stories.
  const single = new Map<string, Group>();
  for (const g of people) {
    if (g.keys.length !== 1) continue;
    const seen = single.get(g.keys[0] ?? "");
    if (seen) uf.union(seen.node, g.node);
    else single.set(g.keys[0] ?? "", g);
  }
  // Organisations and places: same folded name or same canonical name across stories.
  const byKey = new Map<string, Group>();
  for (const g of groups) {
    if (g.kind === "person") continue;
    const first = g.mentions[0];
    if (!first) continue;
    const key = `${g.kind}|${getMentionKey(first)}`;
    const seen = byKey.get(key);
    if (seen) uf.union(seen.node, g.node);
    else byKey.set(key, g);
  }
}

function areFirstNamesCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  // A short form of the same name: "Des" / "Desmond".
  if (Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a))) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  return a.length >= 4 && b.length >= 4 && measureEditDistance(a, b, 1) <= 1;
}

function voteKind(cluster: readonly Group[]): EntityKind {
  const votes = new Map<EntityKind, number>();
  for (const g of cluster) votes.set(g.kind, (votes.get(g.kind) ?? 0) + g.mentions.length);
  let best: EntityKind = cluster[0]?.kind ?? "organization";
  for (const kind of ["person", "organization", "place"] as const) {
    if ((votes.get(kind) ?? 0) > (votes.get(best) ?? 0)) best = kind;
  }
  return best;
}

function getSurface(m: EntityMention): string {
  return m.knownName ?? m.tokens.join(" ");
}

// The canonical form is the fullest name that covers most mentions: "Ahmad al-Sharaa" covers
// every "al-Sharaa", while the alias "Abu Mohammed al-Julani" covers only itself.
function chooseCanonicalName(all: readonly EntityMention[]): string {
  const forms = new Map<string, string[]>();
  for (const m of all)
    forms.set(getSurface(m), m.knownName ? [m.knownName.toLowerCase()] : m.tokens.map(foldNameToken));
  let best = "";
  let bestScore = -1;
  let bestLength = 0;
  // Distinct folded forms with their counts, so the scoring loop is forms × forms, not × mentions.
  const keyCounts = new Map<string, { keys: string[]; count: number }>();
  for (const m of all) {
    const mk = m.knownName ? [m.knownName.toLowerCase()] : m.tokens.map(foldNameToken);
    const id = mk.join(" ");
    const entry = keyCounts.get(id);
    if (entry) entry.count++;
    else keyCounts.set(id, { keys: mk, count: 1 });
  }
  for (const [form, keys] of [...forms.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    let score = 0;
    for (const { keys: mk, count } of keyCounts.values()) {
      if (mk.every((k) => keys.includes(k))) score += count;
    }
    const length = keys.length;
    // Ties go to the fuller name: "Desmond Achterberg" over its short form "Des Achterberg".
    const fuller =
      length === bestLength &&
      keys[0] !== undefined &&
      forms.get(best)?.[0] !== undefined &&
      keys[0].length > (forms.get(best)?.[0] ?? "").length &&
      keys[0].startsWith(forms.get(best)?.[0] ?? "");
    if (score > bestScore || (score === bestScore && (length > bestLength || fuller))) {
      best = form;
      bestScore = score;
      bestLength = length;
    }
  }
  // Acronyms keep their capitals whichever house style wrote most mentions ("Nato" → "NATO").
  const upper = best.toUpperCase();
  if (
    !best.includes(" ") &&
    best !== upper &&
    /^\p{Lu}{2,}$/u.test(upper) &&
    all.some((m) => getSurface(m) === upper)
  )
    return upper;
  return capitalizeFirst(best);
}

function capitalizeFirst(name: string): string {
  // "al-Sharaa" keeps its article lowercase only inside a name; alone it leads the line.
  return name.includes(" ") ? name : name.charAt(0).toUpperCase() + name.slice(1);
}

function collectAliases(all: readonly EntityMention[], name: string): string[] {
  const aliases = new Set<string>();
  const nameTokens = name.split(" ");
  for (const m of all) {
    const raw = m.tokens.join(" ");
    // A bare first name ("Donald" for Donald Trump) tells the reader nothing.
    if (
      m.tokens.length === 1 &&
      nameTokens.length > 1 &&
      foldNameToken(raw) === foldNameToken(nameTokens[0] ?? "")
    )
      continue;
    if (raw !== name && raw.toUpperCase() !== name) aliases.add(raw);
  }
  return [...aliases].sort();
}

function collectRoles(all: readonly EntityMention[]): string[] {
  const counts = new Map<string, number>();
  for (const m of all) {
    if (!m.role) continue;
    const role = m.role
      .replace(/^(?:the|a|an)\s+/i, "")
      .replace(HONORIFICS, "")
      .trim();
    if (role === "") continue;
    counts.set(role, (counts.get(role) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(([r]) => r);
}
