import { readEnvoyStories } from "./envoy-stories";
import { prepareStories } from "../src/prepared-stories";
import { extractMentions } from "../src/entities";
const stories = prepareStories(readEnvoyStories(), { maxCharsPerStory: 60000, referenceDate: null }, []);
const { mentions } = extractMentions(stories, 300);
for (const m of mentions) if (/Sharaa|Julani|^US$|America/.test(m.tokens.join(" "))) console.log(m.storyId, m.sentenceIndex, m.tokens.join(" "), m.kind, m.strong, m.knownName, JSON.stringify(m.between));
const s = stories[0]!; for (const x of s.sentences) if (/\bUS\b/.test(x.text)) console.log(x.index, x.text.slice(0,100));
