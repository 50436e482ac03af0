import { Client, Events, GatewayIntentBits } from 'discord.js';
import NodeCache from 'node-cache';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const summaries = new NodeCache({ stdTTL: 600 });

const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] });

client.once(Events.ClientReady, (ready) => console.log(`Logged in as ${ready.user.tag}`));

client.on(Events.MessageCreate, async (message) => {
  if (message.author.bot) return;
  await pool.query('INSERT INTO messages (guild_id, channel_id, author_id, body) VALUES ($1, $2, $3, $4)', [
    message.guildId,
    message.channelId,
    message.author.id,
    message.content,
  ]);
  if (message.content === '!summary') {
    const cached = summaries.get(message.channelId);
    await message.reply(cached ?? 'No summary yet.');
  }
});

client.login(process.env.DISCORD_TOKEN);
