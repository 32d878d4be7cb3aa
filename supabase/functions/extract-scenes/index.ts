// The `extract-scenes` edge function: see handler.ts for what it does, _shared/runtime.ts for the envelope.
import { deploy } from "../_shared/serve.ts";
import { extractScenes } from "./handler.ts";

deploy("extract-scenes", extractScenes);
