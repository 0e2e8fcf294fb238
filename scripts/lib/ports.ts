/** Loopback ports the OS hands out now, below 55000 so that port + 10000 (the stack's inspectors) is valid too. */
import { createServer } from "node:net";

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, "127.0.0.1", () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

export async function freePorts(count: number): Promise<number[]> {
	const ports: number[] = [];
	for (let tries = 0; ports.length < count && tries < 1000; tries++) {
		const port = await freePort();
		if (port < 55000 && !ports.includes(port)) ports.push(port);
	}
	if (ports.length < count) throw new Error("not enough free ports");
	return ports;
}
