import "./desk.css";
import { startDesk } from "./desk.ts";

startDesk();
