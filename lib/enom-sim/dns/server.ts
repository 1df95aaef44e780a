import { createSocket, type RemoteInfo } from "node:dgram";
import { createServer, type Socket } from "node:net";
import * as dnsPacket from "dns-packet";
import type { World } from "../world";
import { answerQuestion } from "./zone";

/**
 * The simulator's DNS server (`ENOM_SIM_DNS_PORT`): UDP and TCP on one loopback port, answering
 * from the simulator's world as it is at each query, so a record changed with SetHosts is served
 * at once. Point a resolver at it (`dns.promises.Resolver#setServers(["127.0.0.1:5354"])`).
 */
export interface DnsServerOptions {
  port: number;
  host?: string;
  /** The world now (the simulator replaces it on reset). */
  world: () => World;
}

export interface RunningDnsServer {
  port: number;
  host: string;
  close(): Promise<void>;
}

const RCODES = { NOERROR: 0, FORMERR: 1, NXDOMAIN: 3, NOTIMP: 4 } as const;
/** Without EDNS a UDP answer holds 512 bytes (RFC 1035); a longer one is truncated (TC) for TCP. */
const UDP_LIMIT = 512;

function respond(query: Buffer, world: World, overUdp: boolean): Buffer | null {
  let packet: dnsPacket.DecodedPacket;
  try {
    packet = dnsPacket.decode(query);
  } catch {
    return null; // not DNS: no answer, as a server does with garbage
  }
  const base = {
    type: "response" as const,
    id: packet.id ?? 0,
    questions: packet.questions ?? [],
  };
  const recursionDesired = packet.flag_rd ? dnsPacket.RECURSION_DESIRED : 0;
  const question = packet.questions?.[0];
  // dns-packet decodes the opcode ("QUERY", …) but its types do not declare it.
  const opcode = (packet as { opcode?: string }).opcode;
  if (opcode !== "QUERY" || !question || (packet.questions?.length ?? 0) !== 1)
    return dnsPacket.encode({ ...base, flags: recursionDesired | RCODES.NOTIMP });
  const zone = answerQuestion(world, question);
  const flags =
    recursionDesired | (zone.authoritative ? dnsPacket.AUTHORITATIVE_ANSWER : 0) | RCODES[zone.rcode];
  const full = dnsPacket.encode({ ...base, flags, answers: zone.answers });
  if (!overUdp || full.length <= UDP_LIMIT) return full;
  return dnsPacket.encode({ ...base, flags: flags | dnsPacket.TRUNCATED_RESPONSE, answers: [] });
}

function serveTcp(socket: Socket, world: () => World): void {
  let buffered = Buffer.alloc(0);
  socket.on("data", (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 2) {
      const length = buffered.readUInt16BE(0);
      if (buffered.length < 2 + length) return;
      const query = buffered.subarray(2, 2 + length);
      buffered = buffered.subarray(2 + length);
      const answer = respond(query, world(), false);
      if (!answer) {
        socket.destroy();
        return;
      }
      const framed = Buffer.alloc(2 + answer.length);
      framed.writeUInt16BE(answer.length, 0);
      answer.copy(framed, 2);
      socket.write(framed);
    }
  });
  socket.on("error", () => socket.destroy());
  socket.setTimeout(10_000, () => socket.destroy());
}

export async function startDnsServer(options: DnsServerOptions): Promise<RunningDnsServer> {
  const host = options.host ?? "127.0.0.1";
  const udp = createSocket(host.includes(":") ? "udp6" : "udp4");
  udp.on("message", (message: Buffer, remote: RemoteInfo) => {
    const answer = respond(message, options.world(), true);
    if (answer) udp.send(answer, remote.port, remote.address);
  });
  await new Promise<void>((resolve, reject) => {
    udp.once("error", reject);
    udp.bind(options.port, host, () => {
      udp.off("error", reject);
      resolve();
    });
  });
  const port = udp.address().port;
  const sockets = new Set<Socket>();
  const tcp = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    serveTcp(socket, options.world);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      tcp.once("error", reject);
      tcp.listen(port, host, () => {
        tcp.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    udp.close();
    throw error;
  }
  udp.on("error", () => undefined);
  return {
    port,
    host,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        udp.close(() => tcp.close(() => resolve()));
      }),
  };
}
