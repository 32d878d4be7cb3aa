// The `audio-synthesis` edge function: see handler.ts for what it does, _shared/runtime.ts for the envelope.
import { deploy } from "../_shared/serve.ts";
import { audioSynthesis } from "./handler.ts";

deploy("audio-synthesis", audioSynthesis);
