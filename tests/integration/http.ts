// HTTP through the Knative ingress gateway: the request goes to the gateway's address with the Host header of the
// Service's URL, as in ACK's docs (`curl -H "host: helloworld-go.default.example.com" http://<gateway IP>`).
import * as http from "node:http";
import * as https from "node:https";
import { splitAddress, urlTarget } from "./checks";

export interface HttpAnswer {
    status: number;
    body: string;
}

/** One GET of `url` sent to `gateway` (host or host:port). Rejects on network errors and after `timeoutMs`. */
export function getThroughGateway(url: string, gateway: string, timeoutMs: number): Promise<HttpAnswer> {
    const target = urlTarget(url);
    const { hostname, port } = splitAddress(gateway, target.protocol);
    const options: https.RequestOptions = { hostname, port, path: target.path, method: "GET", headers: { Host: target.host } };
    // The gateway's certificate (if any) is for the Service's host, not the gateway address; this checks routing only.
    if (target.protocol === "https:") Object.assign(options, { servername: target.host.split(":")[0], rejectUnauthorized: false });
    const send = target.protocol === "https:" ? https.request : http.request;
    return new Promise((resolve, reject) => {
        const req = send(options, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
            res.on("error", reject);
        });
        req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs / 1000}s`)));
        req.on("error", reject);
        req.end();
    });
}
