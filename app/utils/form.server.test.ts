import { readFormData } from "./form.server";

const BASE = "http://localhost:3000";

function formRequest(contentType: string, body: Uint8Array<ArrayBuffer> | string) {
  return new Request(new URL("/customers", BASE), { method: "POST", headers: { "Content-Type": contentType }, body });
}

async function thrownBy(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error("expected a Response to be thrown");
}

function multipart(value: Uint8Array): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const head = encoder.encode('--x\r\nContent-Disposition: form-data; name="name"\r\n\r\n');
  const tail = encoder.encode("\r\n--x--\r\n");
  return Uint8Array.from([...head, ...value, ...tail]);
}

describe("readFormData", () => {
  it("hands values on as sent, NUL included: the schema's field builders judge them", async () => {
    const formData = await readFormData(formRequest("application/x-www-form-urlencoded", "intent=create&name=a%00b"));
    expect([...formData]).toEqual([
      ["intent", "create"],
      ["name", "a\u0000b"],
    ]);
  });

  it("marks the bytes of a urlencoded value that are not UTF-8, rather than making them U+FFFD", async () => {
    const formData = await readFormData(formRequest("application/x-www-form-urlencoded", "name=Caf%C3%A9%FF"));
    expect(formData.get("name")).toBe("Café\u0000");
  });

  it("leaves out a field whose name cannot be stored, keeping the others", async () => {
    const formData = await readFormData(formRequest("application/x-www-form-urlencoded", "na%00me=x&%FF=y&name=Acme"));
    expect([...formData]).toEqual([["name", "Acme"]]);
  });

  it("reads a multipart form the same way", async () => {
    const formData = await readFormData(formRequest("multipart/form-data; boundary=x", multipart(new TextEncoder().encode("Acme\u0000"))));
    expect(formData.get("name")).toBe("Acme\u0000");
  });

  it("refuses a multipart form that is not UTF-8 as a whole, with a message", async () => {
    const response = await thrownBy(readFormData(formRequest("multipart/form-data; boundary=x", multipart(Uint8Array.from([0x41, 0xff])))));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "bad_request", message: "The form must be sent as UTF-8 text" });
  });
});
